namespace ProfilePlatform.Domain.Identity.Graph;

/// <summary>Where a link came from: the dataset and batch of the record that established it, and when it last did.</summary>
/// <remarks>Kept per link so that deleting a dataset removes exactly the links only that dataset supports
/// (help/identity-service/features/deletion.md: "if a link exists in two different datasets, the graph will not be
/// updated because only one of the datasets is removed"); AEP's v2 graph API shows the same provenance on each
/// edge (<c>dataset_ids</c>, <c>batch_ids</c>).</remarks>
public sealed record LinkSource(string DatasetId, string BatchId, DateTimeOffset At);
