using ProfilePlatform.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddProfilePlatform();
var app = builder.Build();

if (args.Contains("migrate", StringComparer.OrdinalIgnoreCase))
{
    // `dotnet run --project src/ProfilePlatform.Api -- migrate`: apply the store's migrations and exit.
    await app.PrepareAsync();
    app.Logger.LogInformation("Migrations applied; exiting.");
    return;
}

app.UseProfilePlatform();
await app.PrepareAsync();
await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory.</summary>
public partial class Program;
