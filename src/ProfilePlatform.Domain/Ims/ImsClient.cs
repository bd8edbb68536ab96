namespace ProfilePlatform.Domain.Ims;

/// <summary>An API client (Developer Console credential) that may request IMS access tokens.</summary>
/// <param name="ClientId">The client id; also the <c>x-api-key</c> its tokens must be sent with.</param>
/// <param name="ClientSecret">The client secret.</param>
/// <param name="ImsOrg">The IMS organization the client acts for (<c>XXXX@AdobeOrg</c>).</param>
/// <param name="TenantId">The organization's XDM tenant id: its custom fields live under <c>_{TenantId}</c>.</param>
/// <param name="TechnicalAccountId">The technical account the tokens are issued to.</param>
public sealed record ImsClient(string ClientId, string ClientSecret, string ImsOrg, string TenantId, string TechnicalAccountId);
