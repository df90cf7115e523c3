namespace AccountabilityBot.Web.Hosting;

/// <summary>
/// Reads at most <paramref name="max"/> bytes of the body, then throws: a chunked body has no Content-Length to check up
/// front. It counts what the request body stream yields (the body after transfer decoding), never the chunk framing:
/// Kestrel's own MaxRequestBodySize counts that framing too, so the same body would pass or fail by its encoding.
/// </summary>
public sealed class LimitedStream(Stream inner, long max) : Stream
{
    long read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => Count(await inner.ReadAsync(buffer, ct));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    int Count(int n)
    {
        read += n;
        if (read > max) throw new BodyTooLargeException(max);
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

public sealed class BodyTooLargeException(long max) : Exception($"The body is over {max:N0} bytes.")
{
    public long Max { get; } = max;
}
