using System.Text.Json.Nodes;
using ProfilePlatform.Domain.SchemaRegistry.Validation;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Tests.SchemaRegistry.Validation;

public sealed class XdmValidatorCacheTests
{
    private static readonly TenantKey Prod = new("ORG1@AdobeOrg", "prod");
    private static readonly TenantKey Dev = new("ORG1@AdobeOrg", "dev");
    private static readonly JsonObject Schema = XdmTestSchemas.Obj("""{"type":"object","properties":{"a":{"type":"string"}}}""");

    private int compilations;

    [Fact]
    public async Task GetOrCompile_SameKeyAndFingerprint_CompilesOnce()
    {
        // Arrange
        var sut = new XdmValidatorCache();

        // Act
        var first = await sut.GetOrCompileAsync(Prod, "s1", "v1", Compose, CancellationToken.None);
        var second = await sut.GetOrCompileAsync(Prod, "s1", "v1", Compose, CancellationToken.None);

        // Assert
        Assert.Same(first, second);
        Assert.Equal(1, compilations);
    }

    [Fact]
    public async Task GetOrCompile_OtherFingerprint_RecompilesAndReplaces()
    {
        // Arrange
        var sut = new XdmValidatorCache();
        var old = await sut.GetOrCompileAsync(Prod, "s1", "v1", Compose, CancellationToken.None);

        // Act
        var changed = await sut.GetOrCompileAsync(Prod, "s1", "v2", Compose, CancellationToken.None);
        var again = await sut.GetOrCompileAsync(Prod, "s1", "v2", Compose, CancellationToken.None);

        // Assert
        Assert.NotSame(old, changed);
        Assert.Same(changed, again);
        Assert.Equal(2, compilations);
        Assert.Equal(1, sut.Count);
    }

    [Fact]
    public async Task GetOrCompile_SameSchemaIdInAnotherSandbox_IsAnotherEntry()
    {
        // Arrange
        var sut = new XdmValidatorCache();

        // Act
        var prod = await sut.GetOrCompileAsync(Prod, "s1", "v1", Compose, CancellationToken.None);
        var dev = await sut.GetOrCompileAsync(Dev, "s1", "v1", Compose, CancellationToken.None);

        // Assert
        Assert.NotSame(prod, dev);
        Assert.Equal(2, sut.Count);
    }

    [Fact]
    public async Task GetOrCompile_ManyConcurrentCallers_ShareOneCompilation()
    {
        // Arrange: the composition takes a while, so every caller arrives before it ends
        var sut = new XdmValidatorCache();
        var release = new TaskCompletionSource();
        async Task<JsonObject> Slow(CancellationToken ct)
        {
            Interlocked.Increment(ref compilations);
            await release.Task;
            return Schema;
        }

        // Act
        var callers = Enumerable.Range(0, 64).Select(_ => Task.Run(() => sut.GetOrCompileAsync(Prod, "s1", "v1", Slow, CancellationToken.None))).ToList();
        await Task.Delay(50);
        release.SetResult();
        var validators = await Task.WhenAll(callers);

        // Assert
        Assert.Equal(1, compilations);
        Assert.All(validators, v => Assert.Same(validators[0], v));
    }

    [Fact]
    public async Task GetOrCompile_BeyondCapacity_DropsTheLeastRecentlyUsed()
    {
        // Arrange
        var sut = new XdmValidatorCache(capacity: 2);
        var a = await sut.GetOrCompileAsync(Prod, "a", "v1", Compose, CancellationToken.None);
        await sut.GetOrCompileAsync(Prod, "b", "v1", Compose, CancellationToken.None);
        await sut.GetOrCompileAsync(Prod, "a", "v1", Compose, CancellationToken.None); // a is now more recent than b

        // Act
        await sut.GetOrCompileAsync(Prod, "c", "v1", Compose, CancellationToken.None);
        var aAgain = await sut.GetOrCompileAsync(Prod, "a", "v1", Compose, CancellationToken.None);
        await sut.GetOrCompileAsync(Prod, "b", "v1", Compose, CancellationToken.None);

        // Assert: a survived, b was dropped and compiled again
        Assert.Same(a, aAgain);
        Assert.Equal(4, compilations);
        Assert.Equal(2, sut.Count);
    }

    [Fact]
    public async Task GetOrCompile_FailedCompilation_IsNotCached()
    {
        // Arrange
        var sut = new XdmValidatorCache();
        var fail = true;
        Task<JsonObject> Flaky(CancellationToken ct)
        {
            Interlocked.Increment(ref compilations);
            return fail ? Task.FromException<JsonObject>(new InvalidOperationException("store down")) : Task.FromResult(Schema);
        }

        // Act
        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.GetOrCompileAsync(Prod, "s1", "v1", Flaky, CancellationToken.None));
        fail = false;
        var validator = await sut.GetOrCompileAsync(Prod, "s1", "v1", Flaky, CancellationToken.None);

        // Assert
        Assert.NotNull(validator);
        Assert.Equal(2, compilations);
    }

    [Fact]
    public async Task GetOrCompile_CallerGivesUp_OthersStillGetTheValidator()
    {
        // Arrange
        var sut = new XdmValidatorCache();
        var release = new TaskCompletionSource();
        async Task<JsonObject> Slow(CancellationToken ct)
        {
            Interlocked.Increment(ref compilations);
            await release.Task;
            return Schema;
        }

        using var impatient = new CancellationTokenSource();
        var first = sut.GetOrCompileAsync(Prod, "s1", "v1", Slow, impatient.Token);
        var second = sut.GetOrCompileAsync(Prod, "s1", "v1", Slow, CancellationToken.None);

        // Act
        await impatient.CancelAsync();
        release.SetResult();

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.NotNull(await second);
        Assert.Same(await second, await sut.GetOrCompileAsync(Prod, "s1", "v1", Slow, CancellationToken.None));
        Assert.Equal(1, compilations);
    }

    [Fact]
    public async Task Invalidate_SchemaOrSandbox_DropsOnlyThose()
    {
        // Arrange
        var sut = new XdmValidatorCache();
        await sut.GetOrCompileAsync(Prod, "a", "v1", Compose, CancellationToken.None);
        await sut.GetOrCompileAsync(Prod, "b", "v1", Compose, CancellationToken.None);
        await sut.GetOrCompileAsync(Dev, "a", "v1", Compose, CancellationToken.None);

        // Act
        sut.Invalidate(Prod, "a");
        var afterSchema = sut.Count;
        sut.Invalidate(Prod);

        // Assert
        Assert.Equal(2, afterSchema);
        Assert.Equal(1, sut.Count);
    }

    private Task<JsonObject> Compose(CancellationToken ct)
    {
        Interlocked.Increment(ref compilations);
        return Task.FromResult(Schema);
    }
}
