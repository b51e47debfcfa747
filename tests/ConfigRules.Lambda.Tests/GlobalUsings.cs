// What the tests of this project share; the files name only what is particular to them.
global using ConfigRules.Lambda.Tests.Fixtures;
global using ConfigRules.Sdk.Testing;
global using ConfigRules.Testing.Aws;
global using ConfigRules.Testing.Lambda;
global using FluentAssertions;
global using NUnit.Framework;
