using System.Reflection;
using Bloomy.Client.GraphQL;
using GraphQLParser;
using GraphQLParser.AST;
using Document = Bloomy.Client.GraphQL.GraphQLDocument;

namespace Bloomy.Tests.Client.GraphQL;

// Every document of the table is parsed here, so a typo fails the build and not the user: it parses, it is one
// operation whose single root field is the document's Name, its kind matches IsMutation, every declared variable
// is used and every used one declared, and every connection it reads selects pageInfo { hasNextPage endCursor } and
// takes its cursor from a variable (after: $after), so GraphQLPager can follow it.
public class GraphQLDocumentsConventionTests
{
    public static TheoryData<string> DocumentNames()
    {
        var data = new TheoryData<string>();
        foreach (var field in AllFields())
        {
            data.Add(field.Name);
        }
        return data;
    }

    private static IEnumerable<FieldInfo> AllFields() =>
        typeof(GraphQLDocuments).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(Document));

    [Fact]
    public void TheTableHoldsTheCoreDocuments()
    {
        var names = AllFields().Select(f => f.Name).ToList();
        Assert.Contains("CreateNote", names);
        Assert.Contains("EditTodo", names);
        Assert.Contains("GoalMilestones", names);
        Assert.Contains("MetricScores", names);
        Assert.All(AllFields(), f => Assert.True(f.IsInitOnly, f.Name + " must be static readonly"));
    }

    [Theory]
    [MemberData(nameof(DocumentNames))]
    public void EachDocumentFollowsTheConventions(string fieldName)
    {
        var document = (Document)typeof(GraphQLDocuments).GetField(fieldName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        Assert.Empty(DocumentRules.Problems(document));
    }

    [Theory]
    [InlineData("query($id: Long!) { todo(id: $id) { id title }", "does not parse")]
    [InlineData("query($id: Long!) { meeting(id: $id) { id } }", "root field is 'meeting'")]
    [InlineData("query($id: Long!, $x: String) { todo(id: $id) { id } }", "$x is declared but not used")]
    [InlineData("query { todo(id: $id) { id } }", "$id is used but not declared")]
    [InlineData("query($id: Long!) { todo(id: $id) { id } meeting(id: $id) { id } }", "exactly one root field")]
    // IsMutation is read from the text's first word: a comment before "mutation" would hide it and let it be retried.
    [InlineData("# edits\nmutation($id: Long!) { todo(id: $id) { id } }", "IsMutation")]
    [InlineData("query($id: Long!, $after: String) { todo(id: $id) { items(after: $after) { nodes { id } } } }", "'items' selects no pageInfo { hasNextPage endCursor }")]
    [InlineData("query($id: Long!, $after: String) { todo(id: $id) { items(after: $after) { nodes { id } pageInfo { hasNextPage } } } }", "'items' selects no pageInfo { hasNextPage endCursor }")]
    [InlineData("query($id: Long!) { todo(id: $id) { items { edges { node { id } } pageInfo { hasNextPage endCursor } } } }", "'items' takes no after: $variable")]
    [InlineData("query($id: Long!) { todo(id: $id) { items(after: \"abc\") { nodes { id } pageInfo { hasNextPage endCursor } } } }", "'items' takes no after: $variable")]
    [InlineData("query($id: Long!, $t: String) { todo(id: $id) { id title(where: {and: [{x: {eq: \"literal\"}}]}) } }", "$t is declared but not used")]
    public void TheRulesCatchEachMistake(string text, string expected)
    {
        var problems = DocumentRules.Problems(new Document("todo", GraphQLFamily.Query, text));
        Assert.Contains(problems, p => p.Contains(expected));
    }

    [Fact]
    public void VariablesInsideObjectsListsAndDirectivesCount()
    {
        var text = "query($id: Long!, $w: TodoQueryModelFilterInput, $flag: Boolean!, $v: Long) { todo(id: $id) { " +
            "a(where: {and: [$w, {id: {eq: $v}}]}) @include(if: $flag) { id } } }";
        Assert.Empty(DocumentRules.Problems(new Document("todo", GraphQLFamily.Query, text)));
    }

    [Fact]
    public void ScoresNonPaginatedIsAPlainList()
    {
        var text = "query($id: Long!) { metric(id: $id) { scoresNonPaginated { id value } } }";
        Assert.Empty(DocumentRules.Problems(new Document("metric", GraphQLFamily.List, text)));
    }
}

// The checks, on the parsed syntax tree of GraphQL-Parser.
internal static class DocumentRules
{
    public static List<string> Problems(Document document)
    {
        var problems = new List<string>();
        GraphQLParser.AST.GraphQLDocument ast;
        try
        {
            ast = Parser.Parse(document.Text);
        }
        catch (Exception ex)
        {
            problems.Add($"{document.Name}: does not parse: {ex.Message}");
            return problems;
        }
        var operations = ast.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (operations.Count != 1 || ast.Definitions.Count != 1)
        {
            problems.Add($"{document.Name}: must hold exactly one operation and nothing else");
            return problems;
        }
        var operation = operations[0];
        if ((operation.Operation == OperationType.Mutation) != document.IsMutation || operation.Operation == OperationType.Subscription)
        {
            problems.Add($"{document.Name}: its operation is a {operation.Operation} but IsMutation is {document.IsMutation}");
        }
        var roots = operation.SelectionSet.Selections;
        if (roots.Count != 1 || roots[0] is not GraphQLField root)
        {
            problems.Add($"{document.Name}: must select exactly one root field");
            return problems;
        }
        var rootName = (root.Alias?.Name ?? root.Name).StringValue;
        if (rootName != document.Name)
        {
            problems.Add($"{document.Name}: its root field is '{rootName}', not its Name");
        }
        var declared = operation.Variables?.Items.Select(v => v.Variable.Name.StringValue).ToList() ?? new List<string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        Walk(operation.SelectionSet, used, problems, document.Name);
        problems.AddRange(declared.Where(d => !used.Contains(d)).Select(d => $"{document.Name}: ${d} is declared but not used"));
        problems.AddRange(used.Where(u => !declared.Contains(u)).Select(u => $"{document.Name}: ${u} is used but not declared"));
        return problems;
    }

    private static void Walk(GraphQLSelectionSet? set, HashSet<string> used, List<string> problems, string name)
    {
        if (set is null)
        {
            return;
        }
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    Directives(field.Directives, used);
                    if (field.Arguments is not null)
                    {
                        foreach (var argument in field.Arguments.Items)
                        {
                            Values(argument.Value, used);
                        }
                    }
                    CheckConnection(field, problems, name);
                    Walk(field.SelectionSet, used, problems, name);
                    break;
                case GraphQLInlineFragment fragment:
                    Directives(fragment.Directives, used);
                    Walk(fragment.SelectionSet, used, problems, name);
                    break;
                default:
                    problems.Add($"{name}: uses a {selection.Kind}; only fields and inline fragments are allowed (one self-contained document)");
                    break;
            }
        }
    }

    // A connection (a field selecting nodes or edges) must select pageInfo { hasNextPage endCursor } and take after: $variable.
    private static void CheckConnection(GraphQLField field, List<string> problems, string name)
    {
        var children = Fields(field.SelectionSet).ToList();
        if (!children.Any(c => c.Name.StringValue is "nodes" or "edges"))
        {
            return;
        }
        var fieldName = field.Name.StringValue;
        var pageInfo = children.FirstOrDefault(c => c.Name.StringValue == "pageInfo");
        var info = Fields(pageInfo?.SelectionSet).Select(c => c.Name.StringValue).ToList();
        if (!info.Contains("hasNextPage") || !info.Contains("endCursor"))
        {
            problems.Add($"{name}: the connection '{fieldName}' selects no pageInfo {{ hasNextPage endCursor }}");
        }
        var after = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "after");
        if (after?.Value is not GraphQLVariable)
        {
            problems.Add($"{name}: the connection '{fieldName}' takes no after: $variable, so it cannot be paged");
        }
    }

    private static IEnumerable<GraphQLField> Fields(GraphQLSelectionSet? set) =>
        set is null ? Enumerable.Empty<GraphQLField>() : set.Selections.OfType<GraphQLField>();

    private static void Directives(GraphQLDirectives? directives, HashSet<string> used)
    {
        if (directives is null)
        {
            return;
        }
        foreach (var directive in directives.Items)
        {
            if (directive.Arguments is null)
            {
                continue;
            }
            foreach (var argument in directive.Arguments.Items)
            {
                Values(argument.Value, used);
            }
        }
    }

    private static void Values(GraphQLValue? value, HashSet<string> used)
    {
        switch (value)
        {
            case GraphQLVariable variable:
                used.Add(variable.Name.StringValue);
                break;
            case GraphQLObjectValue obj when obj.Fields is not null:
                foreach (var field in obj.Fields)
                {
                    Values(field.Value, used);
                }
                break;
            case GraphQLListValue list when list.Values is not null:
                foreach (var item in list.Values)
                {
                    Values(item, used);
                }
                break;
        }
    }
}
