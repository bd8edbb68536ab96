namespace ProfilePlatform.Domain.Tests.Fakes;

/// <summary>A clock the test sets and moves by hand.</summary>
public sealed class FakeTimeProvider(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset DefaultStart = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    public FakeTimeProvider()
        : this(DefaultStart)
    {
    }

    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
