# MC_LH_ZEXT.S: minimal program exposing bug MC_LH_ZEXT (docs/BUG_CATALOGUE.md): LH must sign-extend 0x8000 to 0xffff8000.
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
  li t1, 0x8000
  sh t1, 0(t0)
  lh t2, 0(t0)
  li t3, 0xffff8000
  sub a0, t2, t3
  li a7, 93
  ecall
