namespace Bloomy.Client.Http;

// The moment until which every request of one client holds back, because the server answered 429.
// A pause only ever extends: a shorter Retry-After arriving later must not cut a longer one short.
internal sealed class RateLimitGate
{
    private long _resumeAtUtcTicks;

    public DateTimeOffset ResumeAt => new(Interlocked.Read(ref _resumeAtUtcTicks), TimeSpan.Zero);

    public void PauseUntil(DateTimeOffset resumeAt)
    {
        var ticks = resumeAt.UtcTicks;
        while (true)
        {
            var current = Interlocked.Read(ref _resumeAtUtcTicks);
            if (ticks <= current)
            {
                return;
            }
            if (Interlocked.CompareExchange(ref _resumeAtUtcTicks, ticks, current) == current)
            {
                return;
            }
        }
    }

    public TimeSpan Remaining(DateTimeOffset now)
    {
        var ticks = Interlocked.Read(ref _resumeAtUtcTicks) - now.UtcTicks;
        return ticks > 0 ? TimeSpan.FromTicks(ticks) : TimeSpan.Zero;
    }
}
