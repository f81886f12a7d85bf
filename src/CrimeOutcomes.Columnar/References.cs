namespace CrimeOutcomes.Columnar;

/// <summary>
/// Resolves the references of a columnar file (forces by ONS code or name, outcome types by code, crime scopes by
/// their parts) through the options' registry and catalogue, each distinct text once; a reference that resolves to
/// nothing is reported with the file and column.
/// </summary>
internal sealed class References(ColumnarReadOptions options, string path)
{
    private readonly Dictionary<(string? Code, string Name), PoliceForce> _forces = [];
    private readonly Dictionary<string, OutcomeType> _outcomes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, string? Group, string? Subgroup, string? Code), CrimeScope> _scopes = [];

    public PoliceForce Force(string? code, string name, string column)
    {
        if (!_forces.TryGetValue((code, name), out var force))
        {
            force = code is not null && PoliceForceAreaCode.TryParse(code, out var parsed)
                ? options.Registry.Get(parsed)
                : options.Registry.TryGet(name, out var named) ? named : throw new ColumnarSchemaException(path, column, $"'{name}' is not a police force of the registry.");
            _forces.Add((code, name), force);
        }

        return force;
    }

    public OutcomeType Outcome(string code, string column)
    {
        if (!_outcomes.TryGetValue(code, out var outcome))
        {
            outcome = options.Catalogue.TryGetByCode(code, out var found) ? found : throw new ColumnarSchemaException(path, column, $"'{code}' is not an outcome code of the catalogue.");
            _outcomes.Add(code, outcome);
        }

        return outcome;
    }

    public CrimeScope Scope(CrimeScope baseScope, string? group, string? subgroup, string? code, string codeColumn)
        => Scope(baseScope.Name, group, subgroup, code, codeColumn, baseScope);

    /// <summary>The scope of that name narrowed by the parts given; the named scope is made only the first time.</summary>
    public CrimeScope Scope(string name, string? group, string? subgroup, string? code, string codeColumn, CrimeScope? baseScope = null)
    {
        var parts = (name, group, subgroup, code);
        if (!_scopes.TryGetValue(parts, out var scope))
        {
            scope = baseScope ?? CrimeScope.Named(name);
            scope = group is not null ? scope.WithOffenceGroup(group) : scope;
            scope = subgroup is not null ? scope.WithOffenceSubgroup(subgroup) : scope;
            scope = code is not null
                ? scope.WithOffenceCode(OffenceCode.TryParse(code, out var offence) ? offence : throw new ColumnarSchemaException(path, codeColumn, $"'{code}' is not an offence code."))
                : scope;
            _scopes.Add(parts, scope);
        }

        return scope;
    }
}
