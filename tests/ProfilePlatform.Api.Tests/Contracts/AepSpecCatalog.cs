namespace ProfilePlatform.Api.Tests.Contracts;

/// <summary>Every vendored spec (<c>aep-openapi/*.yaml</c> in the test output), loaded once on first use.</summary>
/// <remarks>
/// Immutable once loaded, so sharing it across tests and threads is safe. Specs are tried longest base path
/// first (segmentation's <c>/data/core/ups</c> before profile's <c>/data/core</c>), then in
/// <see cref="Precedence"/> order for specs that share a base: flow-service.yaml is the Flow Service's
/// own reference, destinations.yaml documents the same endpoints again for destinations.
/// </remarks>
internal static class AepSpecCatalog
{
    private static readonly string[] Precedence = ["flow-service.yaml", "destinations.yaml"];

    private static readonly Lazy<IReadOnlyList<AepSpec>> Loaded = new(
        () => Task.Run(LoadAllAsync).GetAwaiter().GetResult(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Contracts", "aep-openapi");

    /// <summary>The specs in the order requests are routed to them.</summary>
    public static IReadOnlyList<AepSpec> Specs => Loaded.Value;

    /// <summary>
    /// The operation for a request: in the first spec mounted there with an operation for the method (within
    /// a spec, an exact trailing-slash match first, then a lenient one; the template with the most literal segments).
    /// </summary>
    public static SpecOperation? FindOperation(string method, string requestPath)
    {
        foreach (var spec in Specs)
        {
            if (spec.RelativePath(requestPath) is { } relative
                && (spec.FindOperation(method, relative, lenientTrailingSlash: false)
                    ?? spec.FindOperation(method, relative, lenientTrailingSlash: true)) is { } operation)
            {
                return operation;
            }
        }

        return null;
    }

    /// <summary>Operations on the path under other methods, to explain a miss.</summary>
    public static IEnumerable<SpecOperation> OperationsOnPath(string requestPath) =>
        Specs.SelectMany(s => s.RelativePath(requestPath) is { } relative ? s.OperationsOnPath(relative) : Enumerable.Empty<SpecOperation>());

    private static async Task<IReadOnlyList<AepSpec>> LoadAllAsync()
    {
        var files = System.IO.Directory.GetFiles(Directory, "*.yaml");
        if (files.Length == 0)
        {
            throw new InvalidOperationException($"No AEP specs under {Directory}; the test project copies Contracts/aep-openapi/** to its output.");
        }

        // One at a time: NJsonSchema keeps the schema type being read in thread-static state, and loading all
        // thirteen takes about a second either way.
        var specs = new List<AepSpec>();
        foreach (var file in files)
        {
            specs.Add(await SpecLoader.LoadAsync(file));
        }

        return
        [
            .. specs
                .OrderByDescending(s => s.BasePath.Length)
                .ThenBy(s => Array.IndexOf(Precedence, s.File) is var i and >= 0 ? i : Precedence.Length)
                .ThenBy(s => s.File, StringComparer.Ordinal),
        ];
    }
}
