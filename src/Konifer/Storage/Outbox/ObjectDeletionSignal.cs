using Konifer.Background;
using Konifer.Core.Storage;

namespace Konifer.Storage.Outbox;

/// <summary>The deletion worker's wake-up: a delete, a sweep or an expiry queued objects just now.</summary>
public sealed class ObjectDeletionSignal : WakeUpSignal, IObjectDeletionSignal;
