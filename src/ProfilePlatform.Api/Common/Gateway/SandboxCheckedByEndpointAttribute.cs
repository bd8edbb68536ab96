namespace ProfilePlatform.Api.Common.Gateway;

/// <summary>Marks a read (GET) endpoint whose one statement checks that the request's sandbox is live, so the gateway
/// does not spend a round trip on it (<see cref="Domain.Tenancy.TenancyContext.DeferSandboxCheck"/>).</summary>
/// <remarks>The gateway still answers its own sandbox error: it runs its check before any error answer, the store runs
/// it before any write, and a success answer that starts unchecked runs it before the first byte is sent. Only GET and
/// HEAD requests are deferred; docs/adr/0006-deferred-sandbox-check.md gives the consistency argument.</remarks>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SandboxCheckedByEndpointAttribute : Attribute;
