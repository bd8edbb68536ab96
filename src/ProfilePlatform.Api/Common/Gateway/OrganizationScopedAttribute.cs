namespace ProfilePlatform.Api.Common.Gateway;

/// <summary>Marks an endpoint that acts on the organization as a whole (Sandbox Management), so the gateway
/// does not resolve <c>x-sandbox-name</c> for it.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class OrganizationScopedAttribute : Attribute;
