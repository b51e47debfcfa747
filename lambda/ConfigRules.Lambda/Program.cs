// The bootstrap: composes the handler table and hands it to the serving loop.
return 0;
