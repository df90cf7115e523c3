namespace AccountabilityBot.Web.Tests.Support;

/// <summary>
/// The browser the browser tests drive: Debian's chromium (package <c>chromium</c>, which .ci/run installs), not a
/// build Playwright would download, since that download cannot be reached. ACCOUNTABILITY_TEST_CHROMIUM names another
/// executable. Without one, the browser tests are skipped on a developer's machine and fail in CI (CI=true).
/// </summary>
public static class SystemChromium
{
    public const string Variable = "ACCOUNTABILITY_TEST_CHROMIUM";
    public const string DefaultPath = "/usr/bin/chromium";

    public static string ExecutablePath => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : DefaultPath;

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>In CI a missing browser is a failure: a green run must not hide browser tests that never ran.</summary>
    public static bool IsRequired => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string SkipReason =>
        $"Browser tests need chromium at {ExecutablePath}: apt-get install chromium, or set {Variable} to a Chromium executable.";

    /// <summary>
    /// No sandbox (the tests run as root), no GPU (none here), and nothing the browser would fetch on its own (QUIC,
    /// component and safe-browsing updates, sync), so every request a test sees comes from the page under test.
    /// </summary>
    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];
}
