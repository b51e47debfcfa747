namespace ConfigRules.Cli.CommandLine;

public static class Usage
{
    public const string Text = """
        configrules: run the ConfigRules AWS Config rules offline.

        Usage:
          configrules evaluate [RESOURCES...] [OPTIONS]
              Configuration items from files, folders (recursive) or - (stdin): S3 snapshot/history files
              (also .json.gz), select-resource-config, get-resource-config-history and
              batch-get-resource-config output, one item, an array or NDJSON.
              Without RESOURCES: a bundled sample account.
          configrules check-template TEMPLATE... [OPTIONS]
              CloudFormation/SAM templates (YAML or JSON) before deployment.
          configrules rules [--format table|json]
              The rules with their parameters and defaults.

        Options:
          --pack FILE                 use a conformance pack's rules and InputParameters
          --rule ID                   run this rule (repeatable; default: every rule)
          --param RULE.NAME=VALUE     set a rule parameter (repeatable)
          --format table|json|sarif   output format (default: table)
          --now ISO-8601              evaluation time (default: now)

        Exit codes: 0 nothing NON_COMPLIANT, 1 something NON_COMPLIANT, 2 usage or input error.
        """;
}
