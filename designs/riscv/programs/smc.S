# smc.S: self-modifying code without fence.i: a store that rewrites an instruction a few
# words ahead must take effect when that instruction executes (the cores promise coherent
# instruction fetch; see docs/CORE_ADAPTER.md), including the very next instruction.
# Convention (docs/CORE_ADAPTER.md): ends with `ecall` while a7 == 93; a0 = 0 on pass, else
# the number of the failing check (gp). An unexpected trap exits with a0 = 1000 + mcause.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  li gp, 1
  li a1, 0
  la t0, patch1
  li t1, 0x00558593      # addi a1, a1, 5
  sw t1, 0(t0)
patch1:
  addi a1, a1, 1
  li t2, 5
  bne a1, t2, fail
  li gp, 2
  li a1, 0
  la t0, patch2
  li t1, 0x00758593      # addi a1, a1, 7
  sw t1, 0(t0)
  nop
patch2:
  addi a1, a1, 1
  li t2, 7
  bne a1, t2, fail
  li gp, 3
  li a1, 0
  la t0, patch3
  li t1, 0x00958593      # addi a1, a1, 9
  sw t1, 0(t0)
  nop
  nop
  nop
patch3:
  addi a1, a1, 1
  li t2, 9
  bne a1, t2, fail
  li gp, 4
  li a1, 0
  la t0, patch4
  li t1, 0x0b
  sb t1, 0(t0)           # low byte 0x93 -> 0x0b: the word becomes an illegal instruction?
  li t1, 0x93
  sb t1, 0(t0)           # ...and back before it runs
patch4:
  addi a1, a1, 3
  li t2, 3
  bne a1, t2, fail

pass:
  li a0, 0
  j exit
fail:
  mv a0, gp
exit:
  li a7, 93
  ecall
