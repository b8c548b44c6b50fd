using Konifer.Configuration;
using Konifer.Configuration.Reading;
using Konifer.Hocon;

namespace Konifer.Tests.Configuration;

/// <summary>konifer.conf text read as the server reads it, without the process's environment.</summary>
public static class HoconConfiguration
{
    /// <summary>Both stores in memory, so a test's text needs no mount path or database.</summary>
    public const string InMemoryStores = "data-store.provider = in-memory\nobject-store.provider = in-memory\n";

    public static KoniferConfiguration Read(string text) =>
        KoniferConfigurationReader.Read(HoconParser.Parse(text, new HoconParseSettings { Environment = _ => null }));
}
