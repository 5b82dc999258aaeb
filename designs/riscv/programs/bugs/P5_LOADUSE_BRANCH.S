# P5_LOADUSE_BRANCH.S: minimal program exposing bug P5_LOADUSE_BRANCH (docs/BUG_CATALOGUE.md): a branch right after a load must compare the loaded value (ALU consumers are fine).
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
  li t1, 7
  sw t1, 0(t0)
  li a0, 1
  lw t2, 0(t0)
  bne t2, t1, done
  li a0, 0
done:
  li a7, 93
  ecall
