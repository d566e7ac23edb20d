using System.Text.RegularExpressions;
using System.Xml.Linq;
using Bloomy.Client;
using Bloomy.Cmdlets.Commands.Connection;

namespace Bloomy.Tests.Cmdlets;

// Connect-Bloomy and BloomyClientOptions both start from BloomyDefaults: connecting without a setting
// gives the client exactly what a client built in code gets.
public class ConnectBloomyDefaultsTests
{
    [Fact]
    public void ConnectBloomyParameterDefaultsEqualTheClientOptionsDefaults()
    {
        var command = new ConnectBloomyCommand();
        var options = new BloomyClientOptions();

        Assert.Equal(options.BaseUri, command.BaseUri);
        Assert.Equal(options.GraphQLUri, command.GraphQLUri);
        Assert.Equal(options.MaxConcurrentRequests, command.MaxConcurrentRequests);
        Assert.Equal(options.MaxRetries, command.MaxRetries);
        Assert.Equal(options.Timeout, TimeSpan.FromSeconds(command.TimeoutSec));
        Assert.Equal(options.TotalTimeout, TimeSpan.FromSeconds(command.TotalTimeoutSec));
        Assert.Equal(options.RetryBaseDelay, TimeSpan.FromMilliseconds(command.RetryDelayMilliseconds));
        Assert.Equal(options.MaxRetryDelay, TimeSpan.FromSeconds(command.MaxRetryDelaySec));
        Assert.Equal(options.MaxResponseBodyBytes, command.MaxResponseSizeMB * 1024L * 1024);
    }

    [Fact]
    public void TheClientOptionsDefaultsComeFromBloomyDefaults()
    {
        var options = new BloomyClientOptions();

        Assert.Equal(BloomyDefaults.BaseUri, options.BaseUri);
        Assert.Equal(TimeSpan.FromSeconds(BloomyDefaults.TimeoutSeconds), options.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(BloomyDefaults.TotalTimeoutSeconds), options.TotalTimeout);
        Assert.Equal(BloomyDefaults.MaxConcurrentRequests, options.MaxConcurrentRequests);
        Assert.Equal(BloomyDefaults.MaxRetries, options.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(BloomyDefaults.RetryBaseDelayMilliseconds), options.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(BloomyDefaults.MaxRetryDelaySeconds), options.MaxRetryDelay);
        Assert.Equal(BloomyDefaults.MaxResponseBodyBytes, options.MaxResponseBodyBytes);
    }

    // The help states each default in words ("default 30"); it must say what the parameter really defaults to.
    [Fact]
    public void TheDefaultsConnectBloomysHelpStatesAreTheRealOnes()
    {
        var docs = XDocument.Load(Path.ChangeExtension(typeof(ConnectBloomyCommand).Assembly.Location, ".xml"));
        var command = new ConnectBloomyCommand();
        var prefix = "P:" + typeof(ConnectBloomyCommand).FullName + ".";
        var checkedCount = 0;
        foreach (var member in docs.Descendants("member"))
        {
            var name = (string?)member.Attribute("name");
            if (name is null || !name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }
            var stated = Regex.Match(member.Value, @"default (\d+)");
            if (!stated.Success)
            {
                continue;
            }
            var property = typeof(ConnectBloomyCommand).GetProperty(name.Substring(prefix.Length))!;
            Assert.True(int.Parse(stated.Groups[1].Value) == (int)property.GetValue(command)!,
                $"-{property.Name}'s help says default {stated.Groups[1].Value}; the parameter defaults to {property.GetValue(command)}.");
            checkedCount++;
        }
        Assert.True(checkedCount >= 7, $"only {checkedCount} stated defaults found");
    }
}
