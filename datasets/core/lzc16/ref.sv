module RefModule(input [15:0] in, output reg [4:0] count);
  integer i;
  always @* begin
    count = 5'd16;
    for (i = 0; i < 16; i = i + 1)
      if (in[i]) count = 5'd15 - i[4:0];
  end
endmodule
