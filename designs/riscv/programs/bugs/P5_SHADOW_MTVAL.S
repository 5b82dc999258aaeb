# P5_SHADOW_MTVAL.S: minimal program exposing bug P5_SHADOW_MTVAL (docs/BUG_CATALOGUE.md): an illegal word in the shadow of a taken branch is never executed, so it must leave mtval alone.
# Passes (a0 = 0) on the bug-free cores. Convention: docs/CORE_ADAPTER.md.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  csrw mtval, zero
  beq zero, zero, skip
  .word 0xffffffff
skip:
  csrr a0, mtval
  li a7, 93
  ecall
