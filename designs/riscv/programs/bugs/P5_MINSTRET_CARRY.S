# P5_MINSTRET_CARRY.S: minimal program exposing bug P5_MINSTRET_CARRY (docs/BUG_CATALOGUE.md): minstret counting past 2^32 - 1 must carry into minstreth.
# Passes (a0 = 0) on the bug-free cores. Convention: docs/CORE_ADAPTER.md.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  csrw minstreth, zero
  li t0, -1
  csrw minstret, t0
  nop
  nop
  csrr t1, minstreth
  addi a0, t1, -1
  li a7, 93
  ecall
