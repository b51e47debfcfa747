// What every test of this project uses; the files name only what is particular to them.
global using ConfigRules.CloudFormation.Tests.Support;
global using ConfigRules.Framework.Model;
global using ConfigRules.Testing.Templates;
global using FluentAssertions;
global using NUnit.Framework;
