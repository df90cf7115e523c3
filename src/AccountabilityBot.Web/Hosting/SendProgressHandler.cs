using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Hosting;

/// <summary>
/// In every HTTP client the adapters use: marks the send under way, if any, as having let a request out, so a send
/// stopped by a shutdown before its first request is released rather than left in doubt (<see cref="SendProgress"/>).
/// </summary>
public sealed class SendProgressHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        SendProgress.Leaving();
        return base.SendAsync(request, cancellationToken);
    }
}
