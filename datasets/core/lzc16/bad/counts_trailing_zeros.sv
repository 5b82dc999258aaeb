module TopModule(input [15:0] in, output reg [4:0] count);
  integer i;
  always @* begin
    count = 5'd16;
    for (i = 15; i >= 0; i = i - 1)
      if (in[i]) count = i[4:0];
  end
endmodule
