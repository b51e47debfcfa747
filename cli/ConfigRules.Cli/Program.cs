// configrules entry point.
return 0;
