namespace AccountabilityBot.Web.Hosting;

/// <summary>Reads a whole (small) request body for endpoints that must see every byte: signatures, JSON checks.</summary>
public static class RequestBody
{
    /// <summary>The one limit for every body that is not an upload: chat payloads, webhooks, the local channel.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <returns>The body, or null when it is over <paramref name="max"/> bytes (by Content-Length or as read).</returns>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long max, CancellationToken ct)
    {
        if (request.ContentLength > max) return null;
        using var buffer = new MemoryStream();
        try { await new LimitedStream(request.Body, max).CopyToAsync(buffer, ct); }
        catch (BodyTooLargeException) { return null; }
        return buffer.ToArray();
    }
}
