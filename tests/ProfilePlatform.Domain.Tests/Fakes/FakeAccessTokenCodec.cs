using ProfilePlatform.Domain.Ims;

namespace ProfilePlatform.Domain.Tests.Fakes;

/// <summary>Encodes a token as an opaque handle and decodes only handles it issued (anything else is "forged").</summary>
public sealed class FakeAccessTokenCodec : IAccessTokenCodec
{
    private readonly Dictionary<string, ImsAccessToken> _issued = new(StringComparer.Ordinal);

    public IReadOnlyCollection<ImsAccessToken> Encoded => _issued.Values;

    public List<string> Decoded { get; } = [];

    public string Encode(ImsAccessToken token)
    {
        var handle = "fake-token-" + token.TokenId;
        _issued[handle] = token;
        return handle;
    }

    public ImsAccessToken? Decode(string token)
    {
        Decoded.Add(token);
        return _issued.GetValueOrDefault(token);
    }
}
