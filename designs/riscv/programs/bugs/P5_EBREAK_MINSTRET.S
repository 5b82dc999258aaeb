# P5_EBREAK_MINSTRET.S: minimal program exposing bug P5_EBREAK_MINSTRET (docs/BUG_CATALOGUE.md): EBREAK traps, so it must not be counted in minstret (1 csrr + 5 handler instructions between the reads).
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
  csrr t0, minstret
  ebreak
  csrr t1, minstret
  sub t2, t1, t0
  addi a0, t2, -6
  li a7, 93
  ecall
