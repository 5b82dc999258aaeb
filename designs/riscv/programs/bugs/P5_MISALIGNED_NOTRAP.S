# P5_MISALIGNED_NOTRAP.S: minimal program exposing bug P5_MISALIGNED_NOTRAP (docs/BUG_CATALOGUE.md): LH from an odd address must raise load address misaligned (cause 4).
# Passes (a0 = 0) on the bug-free cores. Convention: docs/CORE_ADAPTER.md.
  j start
.org 0x100
handler:
  csrr s9, mcause
  csrr s10, mepc
  addi t6, s10, 4
  csrw mepc, t6
  mret
start:
  li s9, 0
  li t0, 0x4001
  lh a1, 0(t0)
  addi a0, s9, -4
  li a7, 93
  ecall
