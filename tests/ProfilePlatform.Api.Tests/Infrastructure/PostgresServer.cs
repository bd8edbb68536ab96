using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ProfilePlatform.Api.Tests.Infrastructure;

/// <summary>The PostgreSQL server the API tests run against: <c>PROFILEPLATFORM_TEST_POSTGRES</c> when set, else a
/// throwaway cluster started with the local <c>initdb</c>/<c>pg_ctl</c>, on a free port, removed at exit.</summary>
/// <remarks>Started once per test process and shared; each test class gets its own database. When neither is
/// possible the tests fail with the reason — they never skip. PostgreSQL refuses to run as root, so as root the
/// cluster is started as the unprivileged <c>postgres</c> account (Debian's packages create it).</remarks>
public static class PostgresServer
{
    public const string EnvironmentVariable = "PROFILEPLATFORM_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Admin = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private static ThrowawayCluster? _cluster;

    /// <summary>A connection string to the server's maintenance database, with rights to create databases.</summary>
    public static Task<string> AdminConnectionStringAsync() => Admin.Value;

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var admin = await AdminConnectionStringAsync();
        var name = $"pp_{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}";
        name = name.Length > 63 ? name[..63] : name; // PostgreSQL identifiers are at most 63 bytes
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, MaxPoolSize = 20 }.ConnectionString;
    }

    private static async Task<string> StartAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        _cluster = await ThrowawayCluster.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => _cluster.Stop();
        return _cluster.ConnectionString;
    }

    private sealed class ThrowawayCluster
    {
        private readonly string _bin;
        private readonly string _dataDir;
        private readonly bool _asPostgresUser;

        private ThrowawayCluster(string bin, string dataDir, bool asPostgresUser, int port)
        {
            _bin = bin;
            _dataDir = dataDir;
            _asPostgresUser = asPostgresUser;
            ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=15;Command Timeout=60;Include Error Detail=true";
        }

        public string ConnectionString { get; }

        public static async Task<ThrowawayCluster> StartAsync()
        {
            var bin = FindBinaries() ?? throw new InvalidOperationException(
                $"No PostgreSQL for the API tests: set {EnvironmentVariable} to a connection string, or install PostgreSQL "
                + "(initdb and pg_ctl on PATH or under /usr/lib/postgresql/*/bin; './build.sh test' installs the Debian package).");
            var asRoot = Environment.UserName == "root";
            var dataDir = Path.Combine(Path.GetTempPath(), $"pp-pg-{Guid.NewGuid():N}"[..18]);
            Directory.CreateDirectory(dataDir);
            if (asRoot)
            {
                await RunAsync("chown", ["postgres:postgres", dataDir], asPostgresUser: false);
            }

            var port = FreePort();
            var cluster = new ThrowawayCluster(bin, dataDir, asRoot, port);
            await cluster.Pg("initdb", ["-D", Path.Combine(dataDir, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
            var options = $"-p {port} -k {dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
            await cluster.Pg("pg_ctl", ["-D", Path.Combine(dataDir, "data"), "-o", options, "-l", Path.Combine(dataDir, "server.log"), "-w", "-t", "60", "start"]);
            await cluster.WatchAsync();
            return cluster;
        }

        /// <summary>Starts a detached watchdog that stops the cluster and deletes its directory once this test process is
        /// gone.</summary>
        /// <remarks>The test host is usually killed at the end of a run, so <see cref="AppDomain.ProcessExit"/> does not
        /// run: each run left a stopped or running cluster of about 1 GB under the temp folder. The watchdog is started in
        /// a session of its own (<c>setsid -f</c>), so killing the test host's process tree does not take it along.</remarks>
        private async Task WatchAsync()
        {
            var script = $"exec >/dev/null 2>&1 </dev/null; while [ -d /proc/{Environment.ProcessId} ]; do sleep 2; done; "
                + $"'{Path.Combine(_bin, "pg_ctl")}' -D '{Path.Combine(_dataDir, "data")}' -m immediate -w stop; rm -rf '{_dataDir}'";
            string[] shell = ["sh", "-c", script];
            try
            {
                await RunAsync("setsid", _asPostgresUser ? ["-f", "runuser", "-u", "postgres", "--", .. shell] : ["-f", .. shell], asPostgresUser: false);
            }
            catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                // No setsid (not util-linux): the cluster is still stopped at a graceful exit, as before.
            }
        }

        public void Stop()
        {
            try
            {
                Pg("pg_ctl", ["-D", Path.Combine(_dataDir, "data"), "-m", "immediate", "-w", "stop"]).GetAwaiter().GetResult();
            }
            finally
            {
                try
                {
                    Directory.Delete(_dataDir, recursive: true);
                }
                catch (IOException)
                {
                    // Best effort: the directory is under the temp folder.
                }
            }
        }

        private Task Pg(string tool, string[] args) => RunAsync(Path.Combine(_bin, tool), args, _asPostgresUser);

        private static async Task RunAsync(string file, string[] args, bool asPostgresUser)
        {
            var psi = asPostgresUser
                ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. args])
                : new ProcessStartInfo(file, args);
            psi.RedirectStandardOutput = true;
            psi.RedirectStandardError = true;
            psi.WorkingDirectory = Path.GetTempPath();
            using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}{await stdout}");
            }
        }

        private static string? FindBinaries()
        {
            var debian = Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql")
                    .Select(d => Path.Combine(d, "bin"))
                    .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                    .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                    .FirstOrDefault()
                : null;
            return debian ?? (Environment.GetEnvironmentVariable("PATH") ?? "")
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
