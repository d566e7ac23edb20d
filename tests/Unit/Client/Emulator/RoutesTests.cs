using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using Bloomy.Client.Operations;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Client.Emulator;

/// <summary>
/// The route table (<see cref="Routes"/>) is every request the client can send: the emulator serves each of them,
/// and the resource clients send nothing that bypasses the table.
/// </summary>
public sealed class RoutesTests(EmulatorFixture fixture) : EmulatorClientTests(fixture)
{
    // No seeded entity has this id: the requests match routes without changing the emulator's data.
    private const long SampleId = 987654;

    public static TheoryData<string> RouteNames()
    {
        var data = new TheoryData<string>();
        foreach (var method in RouteMethods()) data.Add(method.Name);
        return data;
    }

    [Fact]
    public void The_table_is_not_empty_and_its_names_are_unique()
    {
        var names = RouteMethods().Select(m => m.Name).ToList();
        Assert.True(names.Count >= 40, $"only {names.Count} routes found");
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(RouteNames))]
    public async Task The_emulator_serves_the_route(string name)
    {
        var method = RouteMethods().Single(m => m.Name == name);
        foreach (var route in Samples(method))
        {
            ForgetCalls();
            using var http = new HttpClient { BaseAddress = Emulator.BaseUri };
            using var request = new HttpRequestMessage(route.Method, route.Path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Emulator.DemoApiKey);
            if (route.Method != HttpMethod.Get && route.Method != HttpMethod.Delete)
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request);

            var recorded = Assert.Single(Emulator.Stats.Requests);
            Assert.True(recorded.RouteTemplate is not null,
                $"{route} ({name}) matches no emulator endpoint: answered {(int)response.StatusCode}. " +
                "Add the endpoint in tools/Bloomy.Emulator/Endpoints.");
        }
    }

    [Fact]
    public void Ids_are_formatted_invariantly()
    {
        var saved = Thread.CurrentThread.CurrentCulture;
        try
        {
            // A culture whose digits or group separators would spoil a path if ids went through it.
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("ar-SA")
            {
                NumberFormat = { NegativeSign = "\u2212", NumberGroupSeparator = "\u066C" },
            };
            Assert.Equal("measurables/1234567/week/-3", Routes.Score(1234567, -3).Path);
            Assert.Equal("L10/2001/todos?INCLUDE_CLOSED=false", Routes.MeetingTodos(2001, false).Path);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Resource_clients_send_only_routes_of_the_table()
    {
        var folder = Path.Combine(RepoPaths.Root, "src", "Bloomy.Client", "Operations");
        var clients = Directory.GetFiles(folder, "*Client.cs").Where(f => Path.GetFileName(f) != "ResourceClient.cs").ToList();
        Assert.NotEmpty(clients);
        foreach (var file in clients)
        {
            var text = File.ReadAllText(file);
            // ResourceClient's GetAsync/SendAsync take a route of the table; the transport's take a bare path.
            Assert.DoesNotContain("Http.GetAsync(", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Http.SendAsync(", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Http.SendVoidAsync(", text, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<MethodInfo> RouteMethods() =>
        typeof(Routes).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(ApiRoute));

    // Each route with sample arguments; a flag is tried with every value it can take (a null one sends no query).
    private static IEnumerable<ApiRoute> Samples(MethodInfo method)
    {
        IEnumerable<object?[]> argumentSets = [[]];
        foreach (var parameter in method.GetParameters())
        {
            object?[] values = parameter.ParameterType switch
            {
                var t when t == typeof(long) => [SampleId],
                var t when t == typeof(string) => ["ada park"],
                var t when t == typeof(bool) => [true, false],
                var t when t == typeof(bool?) => [true, false, null],
                var t => throw new InvalidOperationException($"{method.Name}: no sample for a {t.Name} parameter; add one here."),
            };
            argumentSets = argumentSets.SelectMany(set => values.Select(v => set.Append(v).ToArray())).ToList();
        }

        return argumentSets.Select(args => (ApiRoute)method.Invoke(null, args)!);
    }
}
