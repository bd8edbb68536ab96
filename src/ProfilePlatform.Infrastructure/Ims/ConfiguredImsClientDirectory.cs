using System.Text.RegularExpressions;
using ProfilePlatform.Domain.Ims;

namespace ProfilePlatform.Infrastructure.Ims;

/// <summary>API clients read from configuration, checked once at start-up.</summary>
public sealed partial class ConfiguredImsClientDirectory : IImsClientDirectory
{
    private readonly Dictionary<string, ImsClient> _byClientId;
    private readonly Dictionary<string, string> _tenantByOrg;

    public ConfiguredImsClientDirectory(ImsOptions options)
    {
        _byClientId = new(StringComparer.Ordinal);
        _tenantByOrg = new(StringComparer.Ordinal);
        for (var i = 0; i < options.Clients.Count; i++)
        {
            var c = options.Clients[i];
            var where = $"Ims:Clients:{i}";
            Require(c.ClientId, $"{where}:ClientId");
            Require(c.ClientSecret, $"{where}:ClientSecret");
            Require(c.ImsOrg, $"{where}:ImsOrg");
            Require(c.TenantId, $"{where}:TenantId");
            Require(c.TechnicalAccountId, $"{where}:TechnicalAccountId");
            if (!c.ImsOrg.EndsWith("@AdobeOrg", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{where}:ImsOrg '{c.ImsOrg}' must end with '@AdobeOrg', as IMS organization ids do.");
            }

            if (!TenantPattern().IsMatch(c.TenantId))
            {
                throw new InvalidOperationException($"{where}:TenantId '{c.TenantId}' must be lower-case letters and digits, starting with a letter (XDM fields then live under '_{c.TenantId}').");
            }

            if (!_byClientId.TryAdd(c.ClientId, new ImsClient(c.ClientId, c.ClientSecret, c.ImsOrg, c.TenantId, c.TechnicalAccountId)))
            {
                throw new InvalidOperationException($"{where}:ClientId '{c.ClientId}' is configured twice.");
            }

            if (_tenantByOrg.TryGetValue(c.ImsOrg, out var tenant) && tenant != c.TenantId)
            {
                throw new InvalidOperationException($"{where}: organization {c.ImsOrg} has tenant id '{tenant}' on another client; an organization has one tenant id.");
            }

            _tenantByOrg[c.ImsOrg] = c.TenantId;
        }
    }

    public IReadOnlyCollection<ImsClient> Clients => _byClientId.Values;

    public ImsClient? FindClient(string clientId) => _byClientId.GetValueOrDefault(clientId);

    public string? FindTenantId(string imsOrg) => _tenantByOrg.GetValueOrDefault(imsOrg);

    private static void Require(string value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException($"Configuration '{key}' is required.");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex TenantPattern();
}
