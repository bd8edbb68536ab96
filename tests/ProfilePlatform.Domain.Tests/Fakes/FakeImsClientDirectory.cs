using ProfilePlatform.Domain.Ims;

namespace ProfilePlatform.Domain.Tests.Fakes;

public sealed class FakeImsClientDirectory : IImsClientDirectory
{
    private readonly Dictionary<string, ImsClient> _clients = new(StringComparer.Ordinal);

    public FakeImsClientDirectory(params ImsClient[] clients)
    {
        foreach (var client in clients)
        {
            Add(client);
        }
    }

    public IReadOnlyCollection<ImsClient> Clients => _clients.Values;

    public void Add(ImsClient client) => _clients[client.ClientId] = client;

    public void Remove(string clientId) => _clients.Remove(clientId);

    public ImsClient? FindClient(string clientId) => _clients.GetValueOrDefault(clientId);

    public string? FindTenantId(string imsOrg) => _clients.Values.FirstOrDefault(c => c.ImsOrg == imsOrg)?.TenantId;
}
