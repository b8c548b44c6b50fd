namespace Konifer.Bench.Search;

internal static class Vectors
{
    /// <summary>A random direction: Gaussian components (Box–Muller), normalized, as embeddings are.</summary>
    public static float[] RandomUnit(Random random, int dimensions)
    {
        var vector = new float[dimensions];
        double norm = 0;
        for (var i = 0; i < dimensions; i++)
        {
            var value = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            vector[i] = (float)value;
            norm += value * value;
        }
        var scale = (float)(1 / Math.Sqrt(norm));
        for (var i = 0; i < dimensions; i++) vector[i] *= scale;
        return vector;
    }

    public static long ManagedBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
