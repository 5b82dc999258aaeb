# P5_REM_ZERO_AFTER_LOADUSE.S: minimal program exposing bug P5_REM_ZERO_AFTER_LOADUSE (docs/BUG_CATALOGUE.md): a remainder by zero is the dividend, also when the zero divisor was loaded by the instruction just before.
# Passes (a0 = 0) on the bug-free cores. Convention: docs/CORE_ADAPTER.md.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  li t0, 0x4000
  sw zero, 0(t0)
  li t1, 7
  lw t2, 0(t0)
  rem t3, t1, t2
  addi a0, t3, -7
  li a7, 93
  ecall
