# P5_MULHSU_SIGN.S: minimal program exposing bug P5_MULHSU_SIGN (docs/BUG_CATALOGUE.md): MULHSU 5 x 0xffffffff (unsigned) must give a high word of 4.
# Passes (a0 = 0) on the bug-free cores. Convention: docs/CORE_ADAPTER.md.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  li t0, 5
  li t1, -1
  mulhsu t2, t0, t1
  addi a0, t2, -4
  li a7, 93
  ecall
