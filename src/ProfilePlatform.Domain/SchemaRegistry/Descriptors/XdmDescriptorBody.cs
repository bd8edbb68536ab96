namespace ProfilePlatform.Domain.SchemaRegistry.Descriptors;

/// <summary>A descriptor definition that passed every rule, ready to store.</summary>
/// <param name="Type">The <c>@type</c>.</param>
/// <param name="SourceSchema">The canonical <c>$id</c> of the source schema.</param>
/// <param name="DestinationSchema">The canonical <c>$id</c> of a relationship's destination schema.</param>
/// <param name="IsPrimaryIdentity">An identity descriptor with <c>xdm:isPrimary: true</c>.</param>
/// <param name="Document">The JSON document to store (registry-owned fields removed).</param>
public sealed record XdmDescriptorBody(string Type, string SourceSchema, string? DestinationSchema, bool IsPrimaryIdentity, string Document);
