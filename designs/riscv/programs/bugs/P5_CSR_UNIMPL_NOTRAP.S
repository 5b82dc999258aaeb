# P5_CSR_UNIMPL_NOTRAP.S: minimal program exposing bug P5_CSR_UNIMPL_NOTRAP (docs/BUG_CATALOGUE.md): reading an unimplemented CSR (0x7c0) must raise illegal instruction (cause 2).
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
  csrr a1, 0x7c0
  addi a0, s9, -2
  li a7, 93
  ecall
