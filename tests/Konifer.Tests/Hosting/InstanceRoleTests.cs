using Konifer.Configuration;
using Konifer.Hosting;
using Konifer.Tests.Configuration;
using Konifer.Tests.TestSupport;

namespace Konifer.Tests.Hosting;

/// <summary><c>instance.role</c>, <c>--role</c> and <c>variant-generation.jobs</c>: read, overridden, refused with the key named.</summary>
public sealed class InstanceRoleTests
{
    private const string Postgres = "data-store.provider = postgresql\nobject-store.provider = in-memory\n";

    [Theory]
    [InlineData("worker")]
    [InlineData("api")]
    public void A_split_role_with_the_in_memory_store_is_a_configuration_error_naming_the_key(string role)
    {
        var error = Assert.Throws<ConfigurationException>(() => HoconConfiguration.Read(HoconConfiguration.InMemoryStores + $"instance.role = {role}"));

        Assert.Equal(InstanceSettings.RoleKey, error.Key);
        Assert.Contains("postgresql", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_role_defaults_to_all_and_is_read_on_postgresql()
    {
        Assert.Equal(InstanceRole.All, HoconConfiguration.Read(HoconConfiguration.InMemoryStores).Settings.Instance.Role);
        Assert.Equal(InstanceRole.Worker, HoconConfiguration.Read(Postgres + "instance.role = WORKER").Settings.Instance.Role);
        Assert.Throws<ConfigurationException>(() => HoconConfiguration.Read(Postgres + "instance.role = both"));
    }

    [Fact]
    public void The_switch_beats_the_file_and_a_bad_switch_names_itself()
    {
        var document = Konifer.Hocon.HoconParser.Parse(Postgres + "instance.role = api", new Konifer.Hocon.HoconParseSettings { Environment = _ => null });

        Assert.Equal("worker", RoleSwitch.Apply(document, ["--urls", "http://x", "--role", "worker"])["instance"]!["role"]!.GetValue<string>());
        Assert.Equal("all", RoleSwitch.Apply(document, ["--role=all"])["instance"]!["role"]!.GetValue<string>());
        Assert.Same(document, RoleSwitch.Apply(document, ["--urls", "http://x"]));
        Assert.Equal("--role", Assert.Throws<ConfigurationException>(() => RoleSwitch.Find(["--role"])).Key);
        Assert.Equal("--role", Assert.Throws<ConfigurationException>(() => RoleSwitch.Find(["--role", "both"])).Key);
    }

    [Theory]
    [InlineData("lease = 0s", "variant-generation.jobs.lease")]
    [InlineData("lease = 2h", "variant-generation.jobs.lease")]
    [InlineData("poll-interval = 0s", "variant-generation.jobs.poll-interval")]
    [InlineData("max-attempts = 0", "variant-generation.jobs.max-attempts")]
    [InlineData("backoff = 2h", "variant-generation.jobs.backoff")]
    public void Job_settings_out_of_bounds_name_their_key(string setting, string key)
    {
        var error = Assert.Throws<ConfigurationException>(() => HoconConfiguration.Read(HoconConfiguration.InMemoryStores + $"variant-generation.jobs {{ {setting} }}"));

        Assert.Equal(key, error.Key);
    }

    [Fact]
    public void Job_settings_are_read()
    {
        var jobs = HoconConfiguration.Read(HoconConfiguration.InMemoryStores + "variant-generation.jobs { lease = 30s, poll-interval = 250ms, max-attempts = 2, backoff = 1s }")
            .Settings.VariantGeneration.Jobs;

        Assert.Equal(new Konifer.Variants.Jobs.GenerationJobSettings(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(250), 2, TimeSpan.FromSeconds(1)), jobs);
        Assert.Equal(TimeSpan.FromSeconds(10), jobs.RenewInterval);
    }

    [Fact]
    public async Task A_worker_process_on_the_in_memory_store_exits_with_78_naming_the_key()
    {
        var (server, exitCode, output) = await ServerProcess.StartAsync(new Dictionary<string, string>(), ["--role", "worker"]);
        if (server is not null) await server.DisposeAsync();

        Assert.Null(server);
        Assert.Equal(78, exitCode);
        Assert.Contains("instance.role", output, StringComparison.Ordinal);
    }
}
