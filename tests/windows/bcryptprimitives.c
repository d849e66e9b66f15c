/* ProcessPrng for Wine 8 (Debian 12), which lacks it: Rust's standard library on Windows asks
 * bcryptprimitives.dll for random bytes (every Windows 10 and 11 has it). This stand-in
 * forwards to RtlGenRandom. Only the Windows test run under Wine uses it (wine-run.sh);
 * nothing of it ships. */
#include <windows.h>

BOOLEAN NTAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
  while (length > 0) {
    ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
    if (!SystemFunction036(data, chunk)) return FALSE;
    data += chunk;
    length -= chunk;
  }
  return TRUE;
}
