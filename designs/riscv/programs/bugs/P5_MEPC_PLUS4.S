# P5_MEPC_PLUS4.S: minimal program exposing bug P5_MEPC_PLUS4 (docs/BUG_CATALOGUE.md): mepc of an illegal instruction must be its own address.
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
  la t0, bad
bad:
  .word 0
  nop
  sub a0, s10, t0
  li a7, 93
  ecall
