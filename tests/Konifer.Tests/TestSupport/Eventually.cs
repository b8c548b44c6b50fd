namespace Konifer.Tests.TestSupport;

/// <summary>Polls a condition with a deadline: waiting is never the assertion, the condition is.</summary>
public static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) Assert.Fail($"{what} did not happen within {within.TotalSeconds} s (last: {value}).");
            await Task.Delay(100);
        }
    }
}
