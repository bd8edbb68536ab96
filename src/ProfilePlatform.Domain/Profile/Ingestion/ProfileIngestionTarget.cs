using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.SchemaRegistry.Descriptors;

namespace ProfilePlatform.Domain.Profile.Ingestion;

/// <summary>Where a batch's accepted records go: the dataset and batch, whether the dataset is switched into Identity
/// Service (<c>unifiedIdentity</c>) and Profile (<c>unifiedProfile</c>), what its records are, the schema's identity
/// fields and the ingestion time that stamps links, fragments and events.</summary>
public sealed record ProfileIngestionTarget(
    string DatasetId,
    string BatchId,
    ProfileDataKind Kind,
    bool IdentityEnabled,
    bool ProfileEnabled,
    IReadOnlyList<XdmIdentityField> IdentityFields,
    DateTimeOffset IngestedAt)
{
    /// <summary>The target for a batch of <paramref name="dataset"/>, from its tags and its schema's class.</summary>
    public static ProfileIngestionTarget For(
        Dataset dataset,
        string batchId,
        ProfileDataKind kind,
        IReadOnlyList<XdmIdentityField> identityFields,
        DateTimeOffset ingestedAt) =>
        new(dataset.Id, batchId, kind, dataset.Tags.IdentityEnabled, dataset.Tags.ProfileEnabled, identityFields, ingestedAt);

    /// <summary>Whether records of this dataset reach Identity Service or Profile at all.</summary>
    public bool IsEnabled => IdentityEnabled || ProfileEnabled;
}
