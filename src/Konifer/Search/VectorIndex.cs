using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Konifer.Core.Assets;

namespace Konifer.Search;

/// <summary>
/// Entry embeddings in process memory, ranked by brute force: a SIMD dot product over every row under the query's
/// path. At 768 floats a row this is ~3 KB per entry and some milliseconds per 100k rows, with no index to tune and
/// exact results. Rows are kept in one list (removal swaps the last row in) so that a scan walks contiguous slots.
/// Thread-safe: queries share a read lock, changes take the write lock.
/// </summary>
public sealed class VectorIndex : IDisposable
{
    private readonly ReaderWriterLockSlim gate = new();
    private readonly List<Row> rows = [];
    private readonly Dictionary<Guid, int> positions = [];

    public int Count
    {
        get
        {
            gate.EnterReadLock();
            try { return rows.Count; }
            finally { gate.ExitReadLock(); }
        }
    }

    /// <summary>Adds or replaces the row of an entry.</summary>
    public void Upsert(Guid assetId, AssetPath path, float[] vector)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(vector);
        gate.EnterWriteLock();
        try
        {
            var row = new Row(assetId, path.Value, vector);
            if (positions.TryGetValue(assetId, out var position)) rows[position] = row;
            else
            {
                positions[assetId] = rows.Count;
                rows.Add(row);
            }
        }
        finally { gate.ExitWriteLock(); }
    }

    public void Remove(Guid assetId)
    {
        gate.EnterWriteLock();
        try
        {
            if (!positions.Remove(assetId, out var position)) return;
            var last = rows.Count - 1;
            if (position != last)
            {
                rows[position] = rows[last];
                positions[rows[position].AssetId] = position;
            }
            rows.RemoveAt(last);
        }
        finally { gate.ExitWriteLock(); }
    }

    public void Clear()
    {
        gate.EnterWriteLock();
        try
        {
            rows.Clear();
            positions.Clear();
        }
        finally { gate.ExitWriteLock(); }
    }

    public float[]? Find(Guid assetId)
    {
        gate.EnterReadLock();
        try { return positions.TryGetValue(assetId, out var position) ? rows[position].Vector : null; }
        finally { gate.ExitReadLock(); }
    }

    /// <summary>
    /// The <paramref name="count"/> rows under <paramref name="root"/> with the largest dot product with
    /// <paramref name="query"/>, largest first (ties by id, so the order is stable); rows of another length are skipped.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // the scan is the hot loop: no unoptimized first tier
    public IReadOnlyList<(Guid AssetId, double Similarity)> Top(AssetPath root, ReadOnlySpan<float> query, int count, Guid? excluded = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (count <= 0) return [];
        var prefix = root.Value + "/";
        var best = new PriorityQueue<(Guid Id, float Score), (float Score, Guid Id)>(count + 1, WorstFirst.Instance);
        gate.EnterReadLock();
        try
        {
            foreach (var row in CollectionsMarshal.AsSpan(rows))
            {
                if (row.Vector.Length != query.Length || row.AssetId == excluded) continue;
                if (!string.Equals(row.Path, root.Value, StringComparison.Ordinal) && !row.Path.StartsWith(prefix, StringComparison.Ordinal)) continue;
                var score = Dot(row.Vector, query);
                if (best.Count < count) best.Enqueue((row.AssetId, score), (score, row.AssetId));
                else if (best.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare((score, row.AssetId), worst) > 0)
                    best.EnqueueDequeue((row.AssetId, score), (score, row.AssetId));
            }
        }
        finally { gate.ExitReadLock(); }
        var result = new (Guid, double)[best.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            var (id, score) = best.Dequeue();
            result[i] = (id, score);
        }
        return result;
    }

    /// <summary>The dot product of two vectors of the same length, in SIMD lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        var total = Vector.Sum(sum);
        for (; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }

    public void Dispose() => gate.Dispose();

    private readonly record struct Row(Guid AssetId, string Path, float[] Vector);

    /// <summary>The queue's head is the worst kept row: the lowest score, and of equal scores the highest id.</summary>
    private sealed class WorstFirst : IComparer<(float Score, Guid Id)>
    {
        public static WorstFirst Instance { get; } = new();

        public int Compare((float Score, Guid Id) x, (float Score, Guid Id) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : y.Id.CompareTo(x.Id);
        }
    }
}
