namespace Konifer.Variants.Scheduling;

/// <summary>
/// Decides which queue a free worker serves when both have work, so that over time the synchronous queue gets
/// <c>synchronous-priority</c> percent of the picks. A credit counter (Bresenham style) instead of a random draw keeps
/// the order reproducible and spreads the asynchronous picks evenly (80 gives sync, sync, sync, sync, async, …).
/// Not thread-safe: the scheduler calls it under its lock.
/// </summary>
internal sealed class SynchronousShare(int synchronousPercent)
{
    private int _credit;

    /// <summary>What <see cref="NextIsSynchronous"/> will answer, without counting a pick.</summary>
    public bool PeekIsSynchronous() => _credit + synchronousPercent > 0;

    /// <summary>True: take synchronous work now; false: take asynchronous work. Counts the pick.</summary>
    public bool NextIsSynchronous()
    {
        _credit += synchronousPercent;
        if (_credit <= 0) return false;
        _credit -= 100;
        return true;
    }
}
