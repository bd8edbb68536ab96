namespace ProfilePlatform.Domain.Catalog;

/// <summary>Who writes a Catalog object: recorded as <c>createdClient</c>, <c>createdUser</c> and <c>updatedUser</c>.</summary>
/// <param name="ClientId">The IMS client (API key) of the caller.</param>
/// <param name="UserId">The technical account (or user) the token was issued to.</param>
public sealed record CatalogAuthor(string ClientId, string UserId);
