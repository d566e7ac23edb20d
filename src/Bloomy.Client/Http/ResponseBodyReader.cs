using System.Buffers;
using System.Net.Http;

namespace Bloomy.Client.Http;

// Reads a response body into memory with a hard cap on its decoded size. Nothing is sized from the
// server's Content-Length (a claimed 2 GB must not reserve 2 GB), and the bytes are counted as they come
// out of the (decompressing) stream, so neither an endless body nor a gzip bomb can grow past the cap.
internal static class ResponseBodyReader
{
    private const int ChunkSize = 16384;

    /// <summary>
    /// The body, at most <paramref name="limit"/> bytes. When <paramref name="failOverLimit"/> is set a longer
    /// body throws <see cref="ResponseTooLargeException"/>; otherwise it is cut at the limit (error excerpts).
    /// </summary>
    public static async Task<byte[]> ReadAsync(HttpContent content, long limit, bool failOverLimit, CancellationToken ct)
    {
        if (failOverLimit && content.Headers.ContentLength is { } declared && declared > limit)
        {
            // Said too large up front: refuse without reading a byte.
            throw new ResponseTooLargeException(limit, declared);
        }
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
        // Chunks come from the shared pool and go back to it; only the final, exact-size copy is new memory.
        // Most answers fit in the first chunk (a fresh 16 KB chunk per response was once three quarters of
        // the client's allocations per request).
        var chunks = new List<byte[]>(1);
        long total = 0;
        var filled = 0;
        try
        {
            var current = ArrayPool<byte>.Shared.Rent(ChunkSize);
            chunks.Add(current);
            while (true)
            {
                if (filled == current.Length)
                {
                    current = ArrayPool<byte>.Shared.Rent(ChunkSize);
                    chunks.Add(current);
                    filled = 0;
                }
                // Ask for one byte past the limit, so an over-long body is noticed without reading more of it.
                var room = limit + 1 - total;
                var want = (int)Math.Min(current.Length - filled, room);
                if (want <= 0)
                {
                    break;
                }
                var read = await stream.ReadAsync(current, filled, want, ct).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }
                filled += read;
                total += read;
            }
            if (total > limit)
            {
                if (failOverLimit)
                {
                    throw new ResponseTooLargeException(limit, null);
                }
                total = limit;
            }
            var body = new byte[total];
            long copied = 0;
            foreach (var chunk in chunks)
            {
                var count = (int)Math.Min(chunk.Length, total - copied);
                if (count <= 0)
                {
                    break;
                }
                Buffer.BlockCopy(chunk, 0, body, (int)copied, count);
                copied += count;
            }
            return body;
        }
        finally
        {
            foreach (var chunk in chunks)
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }
    }
}

// A response body longer than the client's MaxResponseBodyBytes; becomes an InvalidResponse error for the item.
internal sealed class ResponseTooLargeException : Exception
{
    public ResponseTooLargeException(long limit, long? declared)
        : base(declared is { } d
            ? $"the answer says it is {Size(d)}, more than the {Size(limit)} limit"
            : $"the answer is longer than the {Size(limit)} limit")
    {
        Limit = limit;
    }

    public long Limit { get; }

    internal static string Size(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? (bytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture) + " MB"
        : bytes >= 1024 * 1024 ? (bytes / (1024.0 * 1024)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " MB"
        : bytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes";
}
