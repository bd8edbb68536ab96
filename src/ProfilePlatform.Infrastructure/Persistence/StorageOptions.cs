namespace ProfilePlatform.Infrastructure.Persistence;

/// <summary>Which store the platform runs on (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>Sqlite</c> or <c>Postgres</c>. When unset: PostgreSQL if <c>ConnectionStrings:Postgres</c> is set, else SQLite.</summary>
    public string? Provider { get; set; }
}

/// <summary>The two supported stores.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}
