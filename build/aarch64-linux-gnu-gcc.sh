#!/bin/sh
# The arm64 Native AOT linker for the x86_64 build machine: Debian's aarch64 gcc. The ILCompiler targets pass
# clang's --target=<triple> to any cross linker; this gcc already targets aarch64 and rejects that option.
for arg do
  shift
  case "$arg" in
    --target=*) ;;
    *) set -- "$@" "$arg" ;;
  esac
done
exec aarch64-linux-gnu-gcc "$@"
