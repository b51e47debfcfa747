'use strict';
// Validates CloudFormation templates with cfn-lint (npm) against the CloudFormation resource specification.
//
// cfn-lint 1.9.7 ships a resource specification from 2019 (2.29.0) that lacks resource types and
// properties these templates use (AWS::Config::ConformancePack, Lambda Architectures, ...). The
// @aws-cdk/cfnspec package carries a current specification of the same format; it replaces the old
// resource and property types before validation, so every check runs against today's CloudFormation.
//
// Usage: node validate-templates.js --install DIR TEMPLATE...
//   DIR: the folder where package.json/package-lock.json beside this script were installed (npm ci).
// Exit: 0 all valid; 1 a template has errors; 2 usage; 3 the validator failed its self-check.
const path = require('path');
const { createRequire } = require('module');

const args = process.argv.slice(2);
const installIndex = args.indexOf('--install');
if (installIndex < 0 || installIndex + 1 >= args.length) {
  console.error('Usage: node validate-templates.js --install DIR TEMPLATE...');
  process.exit(2);
}
const installed = createRequire(path.join(path.resolve(args[installIndex + 1]), 'package.json'));
const templates = args.filter((_, i) => i !== installIndex && i !== installIndex + 1);
if (templates.length === 0) {
  console.error('No templates given.');
  process.exit(2);
}

const awsData = installed('cfn-lint/lib/awsData');
const specification = installed('@aws-cdk/cfnspec/spec/specification.json');
Object.assign(awsData.awsResources.ResourceTypes, specification.ResourceTypes);
Object.assign(awsData.awsResources.PropertyTypes, specification.PropertyTypes);
// Types newer than the last cfnspec release (the Lambda hook), in the same format, from the Template Reference.
const newer = require(path.join(__dirname, 'newer-resource-types.json'));
Object.assign(awsData.awsResources.ResourceTypes, newer.ResourceTypes);
Object.assign(awsData.awsResources.PropertyTypes, newer.PropertyTypes);
const cfnLint = installed('cfn-lint/lib/api');
const specVersion = specification.ResourceSpecificationVersion;

// Self-check: a template with four known faults must be rejected with each of them, or the validator is
// not validating (a broken install, an API change) and a pass would mean nothing.
const broken = {
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicNam: 'x', DisplayName: { Ref: 'Missing' } } },
    Fn: { Type: 'AWS::Lambda::Function', Properties: { Role: { 'Fn::GetAtt': ['Topic', 'Arn'] }, Code: {} } },
    Nothing: { Type: 'AWS::Config::NoSuchType' },
  },
};
const selfCheck = cfnLint.validateJsonObject(broken, {});
const expected = ['TopicNam is not a valid property', 'Referenced value Missing does not exist', 'No such attribute Arn', 'invalid Type of AWS::Config::NoSuchType'];
const found = selfCheck.errors.crit.map((e) => e.message);
const missed = expected.filter((text) => !found.some((message) => message.includes(text)));
if (selfCheck.templateValid || missed.length > 0) {
  console.error(`cfn-lint failed its self-check: it did not report ${missed.join('; ') || 'the broken template as invalid'}.`);
  process.exit(3);
}

let invalid = 0;
for (const template of templates) {
  const result = cfnLint.validateFile(template, {});
  for (const severity of ['crit', 'warn']) {
    for (const error of result.errors[severity]) {
      console.log(`${template}: ${severity === 'crit' ? 'error' : 'warning'}: ${error.resource}: ${error.message}`);
    }
  }
  if (!result.templateValid) invalid++;
  console.log(`${template}: ${result.templateValid ? 'valid' : 'INVALID'} (${result.errors.crit.length} errors, ${result.errors.warn.length} warnings)`);
}
console.log(`cfn-lint 1.9.7 with the CloudFormation resource specification ${specVersion}: ${templates.length - invalid} of ${templates.length} templates valid.`);
process.exit(invalid > 0 ? 1 : 0);
